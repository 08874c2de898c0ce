@throughput
Feature: Messages flow fast enough
  One sender process sends asynchronously as fast as the channel takes messages, one receiver
  process collects them, and the figures are held to the thresholds of the implementation's
  profile for that transport and message size (docs/protocol.md#rules). The run saturates the
  channel, so up to `capacity` messages queue ahead of each one: its latency is the queue's, shown
  but not judged (latency.feature judges it at an offered rate).

  @THROUGHPUT @O2 @async-send @sync-receive
  Scenario Outline: Throughput of <size>-byte messages (<transport>)
    Given a <transport> channel with capacity 4096 for messages of at most 65536 bytes
    And a receiver that receives synchronously
    And a sender that sends asynchronously
    When the sender sends <count> messages of <size> bytes
    And the receiver receives <count> messages
    Then all <count> messages arrive in order, intact and exactly once
    And the throughput of <size>-byte messages meets the profile

    @shm
    Examples: shm, 64 bytes
      | transport | size | count  |
      | shm       | 64   | 200000 |

    @shm
    Examples: shm, 4096 bytes
      | transport | size | count |
      | shm       | 4096 | 50000 |

    @file
    Examples: file, 64 bytes
      | transport | size | count |
      | file      | 64   | 5000  |

    @file
    Examples: file, 4096 bytes
      | transport | size | count |
      | file      | 4096 | 2000  |

    @socket
    Examples: socket, 64 bytes
      | transport | size | count  |
      | socket    | 64   | 200000 |

    @socket
    Examples: socket, 4096 bytes
      | transport | size | count |
      | socket    | 4096 | 50000 |

