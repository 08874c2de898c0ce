@protocol @PROTOCOL
Feature: The driver protocol itself
  An endpoint answers every request line, including bad ones: "invalid" for a line that is not a
  well-formed request, "unsupported" for an operation, transport or mode it does not offer, and
  it keeps working afterwards (PROTOCOL.md sections 2, 3 and 6).

  Scenario: The endpoint says hello and shares the harness's clock
    Given an endpoint
    Then its hello names protocol 1, its implementation and the monotonic clock
    And its clock lies between the harness's readings before and after

  Scenario Outline: A bad request line (<case>) is answered "<error>" and the endpoint reads on
    Given an endpoint
    When it is sent the line <line>
    Then it replies "<error>"
    And it still answers a clock request

    Examples:
      | case                 | line                                                                                              | error       |
      | not JSON             | not json at all                                                                                   | invalid     |
      | not an object        | [1, 2, 3]                                                                                         | invalid     |
      | no id                | {"op":"clock"}                                                                                    | invalid     |
      | id not a number      | {"id":"seven","op":"clock"}                                                                       | invalid     |
      | unknown op           | {"id":7,"op":"teleport"}                                                                          | unsupported |
      | unknown channel      | {"id":7,"op":"send","channel":"nowhere","seq":1,"size":64}                                        | invalid     |
      | open without address | {"id":7,"op":"open","role":"receiver","transport":"shm","mode":"sync"}                            | invalid     |
      | transport not a name | {"id":7,"op":"open","role":"receiver","transport":42,"address":"/tmp/x","mode":"sync"}            | invalid     |
      | unknown transport    | {"id":7,"op":"open","role":"receiver","transport":"carrier-pigeon","address":"/tmp/x","mode":"sync"} | unsupported |
      | unknown mode         | {"id":7,"op":"open","role":"receiver","transport":"shm","address":"/tmp/x","mode":"sometimes"}    | unsupported |

  Scenario Outline: A generated payload under 24 bytes is refused as "invalid" (<transport>)
    Given a <transport> channel
    And a receiver that receives asynchronously
    And a sender that sends asynchronously
    When the sender sends message 1 of 16 bytes
    Then the sender's request is refused as "invalid"

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
