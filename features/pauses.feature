@pauses
Feature: A process paused with SIGSTOP and resumed with SIGCONT loses nothing
  A machine stops a process for a while (swapped out, debugged, a container frozen) and lets it go
  on. Meanwhile the other side behaves as the rules say for a peer that does nothing: a sender's
  asynchronous sends fill the channel and then return "full", a synchronous send stays blocked, a
  receiver times out or finds the channel empty. A stopped process is not a dead one: nothing
  returns "closed", and once it wakes every message is collected, in order, exactly once
  (PROTOCOL.md rules S1, S2, R1, R2, T1, O1, O2). A pause lasts at least the profile's blocking bound.

  @S2 @O1 @O2 @async-send
  Scenario Outline: While the receiver is paused, asynchronous sends fill the channel and then return "full"; it collects them all when resumed (<transport>, receiving <receive>)
    Given a <transport> channel with capacity 4
    And a receiver that receives <receive>
    And a sender that sends asynchronously
    When the sender sends messages 1 to 2
    Then every one of them returned "ok"
    When the receiver is paused
    And the sender sends messages 3 to 4
    Then every one of them returned "ok"
    When the sender sends message 5
    Then the sender returns "full" at once
    When the receiver is resumed
    Then the receiver collects messages 1 to 4 in order
    When the sender sends message 5
    Then the sender returns "ok" at once
    And the receiver collects messages 5 to 5 in order

    @shm @sync-receive
    Examples: shm, sync receive
      | transport | receive |
      | shm | synchronously |

    @shm @async-receive
    Examples: shm, async receive
      | transport | receive |
      | shm | asynchronously |

    @file @sync-receive
    Examples: file, sync receive
      | transport | receive |
      | file | synchronously |

    @file @async-receive
    Examples: file, async receive
      | transport | receive |
      | file | asynchronously |

    @socket @sync-receive
    Examples: socket, sync receive
      | transport | receive |
      | socket | synchronously |

    @socket @async-receive
    Examples: socket, async receive
      | transport | receive |
      | socket | asynchronously |


  @S1 @R1 @O2 @sync-send @sync-receive
  Scenario Outline: A synchronous send to a receiver paused in its receive stays blocked until it is resumed (<transport>)
    Given a <transport> channel
    And a receiver that receives synchronously
    And a sender that sends synchronously
    When the receiver receives
    And the receiver is paused
    And the sender sends message 1
    Then the sender stays blocked
    When the receiver is resumed
    Then the receiver returns message 1
    And the sender returns "ok"

    @shm
    Examples: shm
      | transport |
      | shm |

    @file
    Examples: file
      | transport |
      | file |

    @socket
    Examples: socket
      | transport |
      | socket |


  @T1 @O1 @O2 @async-send @sync-receive
  Scenario Outline: While the sender is paused, a synchronous receive times out; what it sends when resumed arrives in order (<transport>)
    Given a <transport> channel
    And a receiver that receives synchronously
    And a sender that sends asynchronously
    When the sender sends message 1
    Then the sender returns "ok" at once
    When the sender is paused
    And the sender sends message 2
    And the receiver receives
    Then the receiver returns message 1
    When the receiver receives with a timeout of 500 ms
    Then the receiver returns "timeout"
    When the sender is resumed
    Then the sender returns "ok" at once
    And the receiver collects messages 2 to 2 in order

    @shm
    Examples: shm
      | transport |
      | shm |

    @file
    Examples: file
      | transport |
      | file |

    @socket
    Examples: socket
      | transport |
      | socket |


  @R2 @O1 @O2 @async-send @async-receive
  Scenario Outline: While the sender is paused, an asynchronous receive returns "empty" at once; what it sends when resumed arrives in order (<transport>)
    Given a <transport> channel
    And a receiver that receives asynchronously
    And a sender that sends asynchronously
    When the sender sends message 1
    Then the sender returns "ok" at once
    When the sender is paused
    And the sender sends message 2
    And the receiver receives until a message comes
    Then the receiver returns message 1
    When the receiver receives
    Then the receiver returns "empty" at once
    When the sender is resumed
    Then the sender returns "ok" at once
    And the receiver collects messages 2 to 2 in order

    @shm
    Examples: shm
      | transport |
      | shm |

    @file
    Examples: file
      | transport |
      | file |

    @socket
    Examples: socket
      | transport |
      | socket |


  @O1 @O2 @bulk @sync-receive
  Scenario Outline: A receiver paused in the middle of a bulk run misses nothing (<transport>, sending <send>)
    Given a <transport> channel
    And a receiver that receives synchronously
    And a sender that sends <send>
    When the sender sends <count> messages
    And the receiver receives <count> messages
    And the receiver is paused for 1000 ms
    Then all <count> messages arrive in order, intact and exactly once

    @shm @sync-send
    Examples: shm, sync send
      | transport | send | count |
      | shm | synchronously | 20000 |

    @shm @async-send
    Examples: shm, async send
      | transport | send | count |
      | shm | asynchronously | 20000 |

    @file @sync-send
    Examples: file, sync send
      | transport | send | count |
      | file | synchronously | 2000 |

    @file @async-send
    Examples: file, async send
      | transport | send | count |
      | file | asynchronously | 2000 |

    @socket @sync-send
    Examples: socket, sync send
      | transport | send | count |
      | socket | synchronously | 20000 |

    @socket @async-send
    Examples: socket, async send
      | transport | send | count |
      | socket | asynchronously | 20000 |


  @O1 @O2 @bulk @sync-receive
  Scenario Outline: A sender paused in the middle of a bulk run loses nothing (<transport>, sending <send>)
    Given a <transport> channel
    And a receiver that receives synchronously
    And a sender that sends <send>
    When the sender sends <count> messages
    And the receiver receives <count> messages
    And the sender is paused for 1000 ms
    Then all <count> messages arrive in order, intact and exactly once

    @shm @sync-send
    Examples: shm, sync send
      | transport | send | count |
      | shm | synchronously | 20000 |

    @shm @async-send
    Examples: shm, async send
      | transport | send | count |
      | shm | asynchronously | 20000 |

    @file @sync-send
    Examples: file, sync send
      | transport | send | count |
      | file | synchronously | 2000 |

    @file @async-send
    Examples: file, async send
      | transport | send | count |
      | file | asynchronously | 2000 |

    @socket @sync-send
    Examples: socket, sync send
      | transport | send | count |
      | socket | synchronously | 20000 |

    @socket @async-send
    Examples: socket, async send
      | transport | send | count |
      | socket | asynchronously | 20000 |
