@blocking
Feature: Who blocks, and until when
  A synchronous send returns only once the receiver has collected the message; an asynchronous
  send returns as soon as the channel has taken it. A synchronous receive waits until a message
  exists; an asynchronous receive returns "empty" at once when there is none. These are the four
  combinations of the seed text, checked on every transport (PROTOCOL.md rules S1, S2, R1, R2).

  @S1 @sync-send
  Scenario Outline: A synchronous send stays blocked until the receiver collects the message (<transport>, receiving <receive>)
    Given a <transport> channel
    And a receiver that receives <receive>
    And a sender that sends synchronously
    When the sender sends message 1
    Then the sender stays blocked
    When the receiver receives
    Then the receiver returns message 1
    And the sender returns "ok"

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


  @S2 @async-send
  Scenario Outline: An asynchronous send returns at once while the receiver is not receiving (<transport>, receiving <receive>)
    Given a <transport> channel
    And a receiver that receives <receive>
    And a sender that sends asynchronously
    When the sender sends message 1
    Then the sender returns "ok" at once
    When the sender sends message 2
    Then the sender returns "ok" at once
    When the receiver receives
    Then the receiver returns message 1
    When the receiver receives
    Then the receiver returns message 2

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


  @R1 @sync-receive
  Scenario Outline: A synchronous receive stays blocked until a message exists (<transport>, sending <send>)
    Given a <transport> channel
    And a receiver that receives synchronously
    And a sender that sends <send>
    When the receiver receives
    Then the receiver stays blocked
    When the sender sends message 1
    Then the receiver returns message 1
    And the sender returns "ok"

    @shm @sync-send
    Examples: shm, sync send
      | transport | send          |
      | shm       | synchronously |

    @shm @async-send
    Examples: shm, async send
      | transport | send           |
      | shm       | asynchronously |

    @file @sync-send
    Examples: file, sync send
      | transport | send          |
      | file      | synchronously |

    @file @async-send
    Examples: file, async send
      | transport | send           |
      | file      | asynchronously |

    @socket @sync-send
    Examples: socket, sync send
      | transport | send          |
      | socket    | synchronously |

    @socket @async-send
    Examples: socket, async send
      | transport | send           |
      | socket    | asynchronously |


  @R2 @async-receive
  Scenario Outline: An asynchronous receive returns "empty" at once when nothing is there (<transport>, sending <send>)
    Given a <transport> channel
    And a receiver that receives asynchronously
    And a sender that sends <send>
    When the receiver receives
    Then the receiver returns "empty" at once
    When the sender sends message 1
    And the receiver receives until a message comes
    Then the receiver returns message 1
    And the sender returns "ok"

    @shm @sync-send
    Examples: shm, sync send
      | transport | send          |
      | shm       | synchronously |

    @shm @async-send
    Examples: shm, async send
      | transport | send           |
      | shm       | asynchronously |

    @file @sync-send
    Examples: file, sync send
      | transport | send          |
      | file      | synchronously |

    @file @async-send
    Examples: file, async send
      | transport | send           |
      | file      | asynchronously |

    @socket @sync-send
    Examples: socket, sync send
      | transport | send          |
      | socket    | synchronously |

    @socket @async-send
    Examples: socket, async send
      | transport | send           |
      | socket    | asynchronously |

