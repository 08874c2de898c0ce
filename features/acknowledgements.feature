@acknowledgements
Feature: The receiver acknowledges on a reply channel
  A receiver often confirms receipt with a message of its own. Then the labels reverse: the
  receiver of the message is the sender of the acknowledgement (the seed text, "Implementation
  Strategies"). Each process holds a receiver end and a sender end.

  @O1 @O2
  Scenario Outline: Each message is acknowledged on a reply channel (<transport>, <send> send, <receive> receive)
    Given a <transport> channel with a reply channel
    And a receiver that receives <receive> and acknowledges <send>
    And a sender that sends <send> and reads acknowledgements synchronously
    When the sender sends message 1
    And the receiver receives until a message comes
    Then the receiver returns message 1
    And the sender returns "ok"
    When the receiver acknowledges message 1
    And the sender reads an acknowledgement
    Then the sender's acknowledgement is for message 1
    And the receiver's acknowledgement returns "ok"

    @shm @sync-send @sync-receive
    Examples: shm, sync send, sync receive
      | transport | send          | receive       |
      | shm       | synchronously | synchronously |

    @shm @sync-send @async-receive
    Examples: shm, sync send, async receive
      | transport | send          | receive        |
      | shm       | synchronously | asynchronously |

    @shm @async-send @sync-receive
    Examples: shm, async send, sync receive
      | transport | send           | receive       |
      | shm       | asynchronously | synchronously |

    @shm @async-send @async-receive
    Examples: shm, async send, async receive
      | transport | send           | receive        |
      | shm       | asynchronously | asynchronously |

    @file @sync-send @sync-receive
    Examples: file, sync send, sync receive
      | transport | send          | receive       |
      | file      | synchronously | synchronously |

    @file @sync-send @async-receive
    Examples: file, sync send, async receive
      | transport | send          | receive        |
      | file      | synchronously | asynchronously |

    @file @async-send @sync-receive
    Examples: file, async send, sync receive
      | transport | send           | receive       |
      | file      | asynchronously | synchronously |

    @file @async-send @async-receive
    Examples: file, async send, async receive
      | transport | send           | receive        |
      | file      | asynchronously | asynchronously |

    @socket @sync-send @sync-receive
    Examples: socket, sync send, sync receive
      | transport | send          | receive       |
      | socket    | synchronously | synchronously |

    @socket @sync-send @async-receive
    Examples: socket, sync send, async receive
      | transport | send          | receive        |
      | socket    | synchronously | asynchronously |

    @socket @async-send @sync-receive
    Examples: socket, async send, sync receive
      | transport | send           | receive       |
      | socket    | asynchronously | synchronously |

    @socket @async-send @async-receive
    Examples: socket, async send, async receive
      | transport | send           | receive        |
      | socket    | asynchronously | asynchronously |

