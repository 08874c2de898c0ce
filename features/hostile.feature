@hostile
Feature: A hostile peer cannot make a receiver deliver what its wire format forbids
  The harness itself, not an implementation, writes into the channel what the transport's wire
  format (docs/wire-formats.md) forbids: a ring record with a bad length, type or sender slot, a
  socket frame over the length limit, a truncated, garbage or corrupted message file. The receiver
  reports it as "error" or skips it, as its format says; it never delivers it as a message, never
  dies of it, and goes on receiving what the sender sends after it (PROTOCOL.md rule H1). Only
  for a transport whose profile declares a wire format: a private format forbids nothing the
  harness could know. On shm the receiver meets the bad record before the sender sends again: a
  record whose length cannot be trusted is skipped up to the published tail, with whatever was
  published after it (docs/wire-formats.md, "A corrupt record").

  @H1 @async-send
  Scenario Outline: <what> in the ring is reported as "error", never delivered, and the receiver reads on (shm, receiving <receive>)
    Given a shm channel
    And a receiver that receives <receive>
    And a sender that sends asynchronously
    When the sender sends message 1
    Then the receiver collects messages 1 to 1 and nothing the hostile peer wrote
    When a hostile peer writes <what> into the channel
    Then the receiver receives "error" for what the hostile peer wrote
    When the sender sends message 2
    Then the receiver collects messages 2 to 2 and nothing the hostile peer wrote

    @shm @sync-receive
    Examples: shm, sync receive
      | what                                 | receive       |
      | a ring record with a bad length      | synchronously |
      | a ring record with a bad sender slot | synchronously |

    @shm @async-receive
    Examples: shm, async receive
      | what                                 | receive        |
      | a ring record with a bad type        | asynchronously |

  @H1 @async-send
  Scenario Outline: <what> in the spool is skipped, never delivered, and the receiver reads on (file, receiving <receive>)
    Given a file channel
    And a receiver that receives <receive>
    And a sender that sends asynchronously
    When the sender sends message 1
    And a hostile peer writes <what> into the channel
    And the sender sends message 2
    Then the receiver collects messages 1 to 2 and nothing the hostile peer wrote

    @file @sync-receive
    Examples: file, sync receive
      | what                               | receive       |
      | a truncated message file           | synchronously |
      | a message file with a bad checksum | synchronously |

    @file @async-receive
    Examples: file, async receive
      | what                   | receive        |
      | a garbage message file | asynchronously |

  @H1 @async-send
  Scenario Outline: a frame over the length limit ends its connection, is never delivered, and the receiver goes on with its sender (socket, receiving <receive>)
    Given a socket channel
    And a receiver that receives <receive>
    And a sender that sends asynchronously
    When the sender sends message 1
    Then the receiver collects messages 1 to 1 and nothing the hostile peer wrote
    When a hostile peer writes a frame over the length limit into the channel
    And the sender sends message 2
    Then the receiver collects messages 2 to 2 and nothing the hostile peer wrote

    @socket @sync-receive
    Examples: socket, sync receive
      | receive       |
      | synchronously |

    @socket @async-receive
    Examples: socket, async receive
      | receive        |
      | asynchronously |
