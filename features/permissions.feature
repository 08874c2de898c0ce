@permissions
Feature: Channels are private to their owner
  Everything a channel creates on disk is readable and writable by its owner only, and a planted
  symbolic link at the address is refused (PROTOCOL.md rule P1).

  @P1
  Scenario Outline: What a channel creates is owner-only (<transport>)
    Given a <transport> channel
    And a receiver that receives synchronously
    And a sender that sends asynchronously
    When the sender sends message 1
    Then the sender returns "ok"
    And everything the channel created is accessible to its owner only

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


  @P1
  Scenario Outline: A symbolic link planted at the address is refused (<transport>)
    Given a <transport> channel whose address is a planted symbolic link
    When a receiver opens the channel
    Then the receiver's open does not return "ok"
    And the link's target is untouched

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

