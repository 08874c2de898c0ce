@latency
Feature: Messages arrive soon enough
  One sender sends at an offered rate well below the channel's capacity, each message stamped with
  the time it was due, so that a message held up behind a stall carries the stall in its latency;
  one receiver collects them. The p50, p99 and p99.9 of the latency are held to the bounds of the
  implementation's profile for that transport and message size, which also states the rate
  (docs/protocol.md#send_many, "rate"). A first run of one second warms the processes up and is not
  judged. A synchronous send ends only once its message is collected, so its duration is a round
  trip; those are judged too, and so is a request and its acknowledgement on a reply channel, each
  request waiting for the answer to the one before (docs/protocol.md#send_many, "reply_channel").
  An implementation that does not pace, or does not answer, answers unsupported.

  @LATENCY @async-send @sync-receive
  Scenario Outline: One-way latency of <size>-byte messages at the offered rate (<transport>)
    Given a <transport> channel with capacity 4096 for messages of at most 65536 bytes
    And a receiver that receives synchronously
    And a sender that sends asynchronously
    When the sender sends <size>-byte messages for 1 second at the profile's offered rate
    And the receiver receives them
    Then they all arrive in order, intact and exactly once
    When the sender sends <size>-byte messages for 10 seconds at the profile's offered rate
    And the receiver receives them
    Then they all arrive in order, intact and exactly once
    And the one-way latency of <size>-byte messages at the profile's offered rate meets the profile

    @shm
    Examples: shm
      | transport | size |
      | shm       | 64   |
      | shm       | 4096 |

    @socket
    Examples: socket
      | transport | size |
      | socket    | 64   |
      | socket    | 4096 |

    @file
    Examples: file
      | transport | size |
      | file      | 64   |
      | file      | 4096 |

  @LATENCY @sync-send @sync-receive
  Scenario Outline: Round trip of a synchronous send of <size>-byte messages (<transport>)
    Given a <transport> channel with capacity 4096 for messages of at most 65536 bytes
    And a receiver that receives synchronously
    And a sender that sends synchronously
    When the sender sends <warm-up> messages of <size> bytes
    And the receiver receives <warm-up> messages
    Then all <warm-up> messages arrive in order, intact and exactly once
    When the sender sends <count> messages of <size> bytes
    And the receiver receives <count> messages
    Then all <count> messages arrive in order, intact and exactly once
    And the round-trip latency of <size>-byte messages meets the profile

    @shm
    Examples: shm
      | transport | size | warm-up | count |
      | shm       | 64   | 1000    | 5000  |
      | shm       | 4096 | 1000    | 5000  |

    @socket
    Examples: socket
      | transport | size | warm-up | count |
      | socket    | 64   | 1000    | 5000  |
      | socket    | 4096 | 1000    | 5000  |

    @file
    Examples: file
      | transport | size | warm-up | count |
      | file      | 64   | 20      | 200   |
      | file      | 4096 | 20      | 200   |

  @LATENCY @async-send @sync-receive @request-reply
  Scenario Outline: Round trip of a request and its acknowledgement, <size>-byte messages (<transport>)
    Given a <transport> channel with a reply channel
    And a receiver that receives synchronously and acknowledges asynchronously
    And a sender that sends asynchronously and reads acknowledgements synchronously
    When the sender sends <warm-up> requests of <size> bytes, each awaiting its acknowledgement
    And the receiver receives and acknowledges <warm-up> messages
    Then all <warm-up> messages arrive in order, intact and exactly once
    When the sender sends <count> requests of <size> bytes, each awaiting its acknowledgement
    And the receiver receives and acknowledges <count> messages
    Then all <count> messages arrive in order, intact and exactly once
    And the request-reply latency of <size>-byte messages meets the profile

    @shm
    Examples: shm
      | transport | size | warm-up | count |
      | shm       | 64   | 1000    | 5000  |
      | shm       | 4096 | 1000    | 5000  |

    @socket
    Examples: socket
      | transport | size | warm-up | count |
      | socket    | 64   | 1000    | 5000  |
      | socket    | 4096 | 1000    | 5000  |

    @file
    Examples: file
      | transport | size | warm-up | count |
      | file      | 64   | 20      | 200   |
      | file      | 4096 | 20      | 200   |
