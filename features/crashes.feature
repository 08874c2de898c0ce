@crashes
Feature: A crash on one side does not hang or corrupt the other
  If the receiver dies, a sender blocked in a synchronous send learns it: its send ends "closed"
  within the profile's crash bound. A sender that dies in the middle of sending never leaves a torn
  message to be collected (PROTOCOL.md rule K1).

  @K1 @sync-send
  Scenario Outline: Killing the receiver unblocks a synchronous sender with "closed" (<transport>)
    Given a <transport> channel
    And a receiver that receives synchronously
    And a sender that sends synchronously
    When the sender sends message 1
    Then the sender stays blocked
    When the receiver is killed
    Then the sender returns "closed" within the crash bound

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


  @K1 @O1 @async-send
  Scenario Outline: A sender killed while sending leaves no torn message (<transport>)
    Given a <transport> channel with capacity 100000
    And a receiver that receives asynchronously
    And a sender that sends asynchronously
    When the sender starts sending <count> messages of 4096 bytes
    And the sender is killed once the receiver can collect a message
    Then every message the receiver collects is intact and in order

    @shm
    Examples: shm
      | transport | count  |
      | shm       | 200000 |

    @file
    Examples: file
      | transport | count |
      | file      | 2000  |

    @socket
    Examples: socket
      | transport | count  |
      | socket    | 200000 |

