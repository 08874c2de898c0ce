Feature: A scenario written by hand, with a typo

  Scenario: A misspelt step
    Given a shm chanel with capacty 4
    And a receiver that receives synchronously
