Feature: Scenarios that hold their channels for seconds, for a harness to be killed in the middle of
  Used by KilledRunLeftoversTest: each receiver opens its channel, so the scenario's folder holds what
  the transport made (a ring in /dev/shm, a spool in the temp folder), and then waits.

  Scenario Outline: A receiver waits 8 s for a message that never comes (<transport>)
    Given a <transport> channel
    And a receiver that receives synchronously
    When the receiver receives with a timeout of 8000 ms
    Then the receiver returns "timeout"

    Examples:
      | transport |
      | shm       |
      | file      |
