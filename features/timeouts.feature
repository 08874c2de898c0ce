@timeouts
Feature: Timeouts end blocking calls, never much too early
  A blocking call given "timeout_ms" ends with "timeout" at about that time: not before it, and
  not much after it. A synchronous send that timed out leaves its message in the channel, where
  it may still be collected (PROTOCOL.md rule T1).

  @T1 @sync-receive
  Scenario Outline: A synchronous receive on an empty channel times out (<transport>)
    Given a <transport> channel
    And a receiver that receives synchronously
    When the receiver receives with a timeout of 500 ms
    Then the receiver returns "timeout"

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


  @T1 @O2 @sync-send
  Scenario Outline: A synchronous send nobody collects times out, and the message stays (<transport>)
    Given a <transport> channel
    And a receiver that receives asynchronously
    And a sender that sends synchronously
    When the sender sends message 1 with a timeout of 500 ms
    Then the sender returns "timeout"
    When the receiver receives
    Then the receiver returns message 1

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

