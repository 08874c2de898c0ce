@blocking
Feature: My first

  @S1 @S9 @shm @sync-send @sync-receive
  Scenario: senders before the receiver, a misspelt step
    Given a shmm channel
    And a sender that sends synchronously
    And a receiver that recieves synchronously
    And a receiver that receives synchronously
    When the sender sends message 1
    Then the sender stays blocked

  @K1 @shm
  Scenario: a kill rule with no kill
    Given a shm channel
    And a receiver that receives synchronously
