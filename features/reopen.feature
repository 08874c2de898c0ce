@reopen
Feature: A receiver killed and replaced on the same address while a sender goes on sending
  A receiver that dies leaves its channel to the next receiver opened on the same address: on file
  with the messages it had not collected, on shm and socket reset (empty). A sender attached to the
  dead receiver is told "closed", on every transport, even once a new receiver owns the address:
  nothing it sends can go to a receiver it never attached to. It opens the channel again, and what
  it sends then reaches the new receiver, in order (docs/protocol.md#precise-points; rules K1, D1,
  O1, O2).

  @K1 @D1 @O1 @file @async-send @async-receive
  Scenario: After the receiver is killed, the sender is told "closed" until it opens again; the new receiver collects the dead one's messages, then the new ones (file)
    Given a file channel
    And a receiver that receives asynchronously
    And a sender that sends asynchronously
    When the sender sends messages 1 to 3
    Then every one of them returned "ok"
    When the receiver is killed
    And a new receiver that receives asynchronously
    And the sender sends message 4
    Then the sender returns "closed" at once
    When the sender opens the channel again
    And the sender sends message 4
    Then the sender returns "ok" at once
    And the new receiver collects messages 1 to 4 in order

  @K1 @O1 @async-send @async-receive
  Scenario Outline: After the receiver is killed, the sender is told "closed" until it opens again; the new receiver starts empty and collects the new messages (<transport>)
    Given a <transport> channel
    And a receiver that receives asynchronously
    And a sender that sends asynchronously
    When the sender sends messages 1 to 3
    Then every one of them returned "ok"
    When the receiver is killed
    And a new receiver that receives asynchronously
    And the new receiver receives
    Then the new receiver returns "empty" at once
    When the sender sends message 4
    Then the sender returns "closed" at once
    When the sender opens the channel again
    And the sender sends messages 5 to 6
    Then every one of them returned "ok"
    When the new receiver receives until a message comes
    Then the new receiver returns message 5
    When the new receiver receives until a message comes
    Then the new receiver returns message 6

    @shm
    Examples: shm
      | transport |
      | shm       |

    @socket
    Examples: socket
      | transport |
      | socket    |
