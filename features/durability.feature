@durability @file
Feature: The file transport survives crashes
  Messages sent "ok" through the file transport survive the crash of both processes and are
  collected, in order and exactly once, by the receiver opened next (PROTOCOL.md rule D1).

  @D1 @O1 @O2 @async-send
  Scenario: Messages sent before both processes crashed are collected after a restart
    Given a file channel with capacity 1000
    And a receiver that receives synchronously
    And a sender that sends asynchronously
    When the sender sends messages 1 to 50
    Then every one of them returned "ok"
    When the receiver receives
    Then the receiver returns message 1
    When the sender is killed
    And the receiver is killed
    And a new receiver opens the channel
    Then the new receiver collects messages 2 to 50 in order
