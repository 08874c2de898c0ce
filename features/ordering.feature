@ordering
Feature: Order, and exactly once
  Every message sent "ok" is collected exactly once, intact, in the order it was sent. The
  receiver's CRC-32C digest of the sequence numbers it saw, in arrival order, is the evidence; the
  harness recomputes the digest it expects (PROTOCOL.md rules O1, O2).

  @O1 @O2
  Scenario Outline: <count> messages arrive in order, intact, exactly once (<transport>, <send> send, <receive> receive)
    Given a <transport> channel with capacity 256
    And a receiver that receives <receive>
    And a sender that sends <send>
    When the sender sends <count> messages
    And the receiver receives <count> messages
    Then all <count> messages arrive in order, intact and exactly once

    @shm @sync-send @sync-receive
    Examples: shm, sync send, sync receive
      | transport | send          | receive       | count |
      | shm       | synchronously | synchronously | 5000  |

    @shm @sync-send @async-receive
    Examples: shm, sync send, async receive
      | transport | send          | receive        | count |
      | shm       | synchronously | asynchronously | 5000  |

    @shm @async-send @sync-receive
    Examples: shm, async send, sync receive
      | transport | send           | receive       | count  |
      | shm       | asynchronously | synchronously | 100000 |

    @shm @async-send @async-receive
    Examples: shm, async send, async receive
      | transport | send           | receive        | count  |
      | shm       | asynchronously | asynchronously | 100000 |

    @file @sync-send @sync-receive
    Examples: file, sync send, sync receive
      | transport | send          | receive       | count |
      | file      | synchronously | synchronously | 500   |

    @file @sync-send @async-receive
    Examples: file, sync send, async receive
      | transport | send          | receive        | count |
      | file      | synchronously | asynchronously | 500   |

    @file @async-send @sync-receive
    Examples: file, async send, sync receive
      | transport | send           | receive       | count |
      | file      | asynchronously | synchronously | 5000  |

    @file @async-send @async-receive
    Examples: file, async send, async receive
      | transport | send           | receive        | count |
      | file      | asynchronously | asynchronously | 5000  |

    @socket @sync-send @sync-receive
    Examples: socket, sync send, sync receive
      | transport | send          | receive       | count |
      | socket    | synchronously | synchronously | 5000  |

    @socket @sync-send @async-receive
    Examples: socket, sync send, async receive
      | transport | send          | receive        | count |
      | socket    | synchronously | asynchronously | 5000  |

    @socket @async-send @sync-receive
    Examples: socket, async send, sync receive
      | transport | send           | receive       | count  |
      | socket    | asynchronously | synchronously | 100000 |

    @socket @async-send @async-receive
    Examples: socket, async send, async receive
      | transport | send           | receive        | count  |
      | socket    | asynchronously | asynchronously | 100000 |

