@capacity
Feature: A channel holds at most "capacity" uncollected messages of a sender
  An asynchronous send into a channel that already holds "capacity" uncollected messages of that
  sender returns "full" and writes nothing. Once the receiver collects one, there is room again,
  and nothing was lost (PROTOCOL.md rules S2, O1, O2).

  @S2 @O1 @O2 @async-send
  Scenario Outline: The fifth message into a channel of capacity 4 is refused with "full" (<transport>, receiving <receive>)
    Given a <transport> channel with capacity 4
    And a receiver that receives <receive>
    And a sender that sends asynchronously
    When the sender sends messages 1 to 4
    Then every one of them returned "ok"
    When the sender sends message 5
    Then the sender returns "full" at once
    When the receiver receives
    Then the receiver returns message 1
    When the sender sends message 5
    Then the sender returns "ok" at once
    When the sender sends message 6
    Then the sender returns "full" at once
    And the receiver collects messages 2 to 5 in order

    @shm @sync-receive
    Examples: shm, sync receive
      | transport | receive       |
      | shm       | synchronously |

    @shm @async-receive
    Examples: shm, async receive
      | transport | receive        |
      | shm       | asynchronously |

    @file @sync-receive
    Examples: file, sync receive
      | transport | receive       |
      | file      | synchronously |

    @file @async-receive
    Examples: file, async receive
      | transport | receive        |
      | file      | asynchronously |

    @socket @sync-receive
    Examples: socket, sync receive
      | transport | receive       |
      | socket    | synchronously |

    @socket @async-receive
    Examples: socket, async receive
      | transport | receive        |
      | socket    | asynchronously |


  @S1 @O1 @O2 @sync-send
  Scenario Outline: A synchronous send into a full channel waits for room, then for collection (<transport>)
    Given a <transport> channel with capacity 2
    And a receiver that receives synchronously
    And a sender that sends asynchronously
    And a second sender that sends synchronously
    When the sender sends messages 1 to 2
    Then every one of them returned "ok"
    When the second sender sends message 1
    Then the second sender stays blocked
    And the receiver collects 3 messages
    And the second sender returns "ok"

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

