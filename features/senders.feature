@senders
Feature: Several senders, one receiver
  Several processes may send into one channel. Each sender's messages are collected in the order
  that sender sent them; senders interleave freely (PROTOCOL.md rules O1, O2).

  @O1 @O2 @async-send
  Scenario Outline: Three senders' messages arrive in order per sender (<transport>, receiving <receive>)
    Given a <transport> channel with capacity 256
    And a receiver that receives <receive>
    And 3 senders that send asynchronously
    When each sender sends <count> messages
    And the receiver receives <total> messages
    Then all <total> messages arrive in order per sender, intact and exactly once

    @shm @sync-receive
    Examples: shm, sync receive
      | transport | receive       | count | total |
      | shm       | synchronously | 20000 | 60000 |

    @shm @async-receive
    Examples: shm, async receive
      | transport | receive        | count | total |
      | shm       | asynchronously | 20000 | 60000 |

    @file @sync-receive
    Examples: file, sync receive
      | transport | receive       | count | total |
      | file      | synchronously | 1000  | 3000  |

    @file @async-receive
    Examples: file, async receive
      | transport | receive        | count | total |
      | file      | asynchronously | 1000  | 3000  |

    @socket @sync-receive
    Examples: socket, sync receive
      | transport | receive       | count | total |
      | socket    | synchronously | 20000 | 60000 |

    @socket @async-receive
    Examples: socket, async receive
      | transport | receive        | count | total |
      | socket    | asynchronously | 20000 | 60000 |

