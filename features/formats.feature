@formats
Feature: Sender and receiver agree on the format and the size
  The receiver states the channel's content type and largest message when it opens the channel.
  A sender with another content type is refused with "format_mismatch"; a message over the limit
  is refused with "too_large" and nothing is written (PROTOCOL.md rule F1).

  @F1
  Scenario Outline: A sender with another content type is refused (<transport>)
    Given a <transport> channel for "application/json"
    And a receiver that receives synchronously
    When a sender for "text/plain" opens the channel
    Then the sender's open returns "format_mismatch"
    When a second sender for "application/json" opens the channel
    Then the second sender's open returns "ok"

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


  @F1 @O2 @async-send
  Scenario Outline: A message over the channel's limit is refused with "too_large" (<transport>)
    Given a <transport> channel with capacity 8 for messages of at most 1024 bytes
    And a receiver that receives asynchronously
    And a sender that sends asynchronously
    When the sender sends message 1 of 2048 bytes
    Then the sender returns "too_large" at once
    When the sender sends message 2 of 1024 bytes
    Then the sender returns "ok"
    When the receiver receives
    Then the receiver returns message 2
    When the receiver receives
    Then the receiver returns "empty"

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


  @F1 @async-send
  Scenario Outline: A text message arrives as text, with its content type (<transport>)
    Given a <transport> channel for "text/html"
    And a receiver that receives synchronously
    And a sender for "text/html" that sends asynchronously
    When the sender sends the text "<p>hello, ipcspec</p>"
    Then the sender returns "ok"
    When the receiver receives
    Then the receiver returns the text "<p>hello, ipcspec</p>" as "text/html"

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

