@ownership
Feature: A channel has one receiver
  The receiver owns the channel. While it lives, a second receiver on the same address is refused
  with "busy"; once it is gone, a new receiver takes the channel over (PROTOCOL.md rule X1).

  @X1
  Scenario Outline: A second receiver is refused while the first lives, and takes over when it is gone (<transport>)
    Given a <transport> channel
    And a receiver that receives synchronously
    When a second receiver opens the channel
    Then the second receiver's open returns "busy"
    When the receiver is killed
    And a new receiver opens the channel
    Then the new receiver's open returns "ok"

    @shm
    Examples: shm
      | transport |
      | shm       |

    @file
    Examples: file
      | transport |
      | file      |

    @socket
    Examples: socket
      | transport |
      | socket    |

