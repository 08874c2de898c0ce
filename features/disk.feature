@disk
Feature: A full disk refuses a message, loses none, and the channel works again once there is room
  The file transport writes every message to disk. When the disk is full, a send that cannot store
  its message returns "error" with a message saying why and leaves nothing in the channel; every
  message sent "ok" before it is still collected, and once space is free again (here: the receiver
  collected what filled it) the refused message goes through (PROTOCOL.md rules O1, O2; the status
  is docs/protocol.md#send's "error"). The harness mounts a small tmpfs over the channel's folder,
  which needs root: elsewhere the scenario is unsupported.

  @O1 @O2 @file @async-send
  Scenario Outline: Sends to a full disk return "error"; every message sent "ok" is collected, and the refused one goes through once there is room (file, receiving <receive>)
    Given a file channel on a disk of 128 KiB with capacity 1000
    And a receiver that receives <receive>
    And a sender that sends asynchronously
    When the sender sends messages of 4000 bytes until the disk is full
    Then the sender's refused send returned "error" with a message
    And the receiver collects every message sent "ok", in order
    When the sender sends the refused message again
    Then the sender returns "ok"
    And the receiver collects the refused message

    @sync-receive
    Examples: sync receive
      | receive       |
      | synchronously |

    @async-receive
    Examples: async receive
      | receive        |
      | asynchronously |
