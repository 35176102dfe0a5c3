import { afterCommit, type Tx } from "../db/scope.js";
import type { RealtimeEvent } from "./events.js";

/** Announces committed changes to the sockets allowed to see them. */
export interface EventPublisher {
  /** Queues `event` to be emitted once `tx` commits; dropped on rollback. */
  publish(tx: Tx, event: RealtimeEvent): void;
  /** Disconnects a person's live sockets in an organization, or all of them. */
  disconnectUser(userId: string, organizationId?: string): void;
  /** Disconnects the sockets of one session. */
  disconnectSession(sessionId: string): void;
  /** Disconnects every live socket of an organization, on every instance. */
  disconnectOrganization(organizationId: string): void;
}

/** Where published events go once committed. */
export interface EventSink {
  emit(event: RealtimeEvent): void;
  disconnectUser(userId: string, organizationId?: string): void;
  disconnectSession(sessionId: string): void;
  disconnectOrganization(organizationId: string): void;
}

/** A publisher that hands committed events to `sink`. */
export function createPublisher(sink: EventSink): EventPublisher {
  return {
    publish(tx, event) {
      afterCommit(tx, () => {
        sink.emit(event);
      });
    },
    disconnectUser: (userId, organizationId) => {
      sink.disconnectUser(userId, organizationId);
    },
    disconnectSession: (sessionId) => {
      sink.disconnectSession(sessionId);
    },
    disconnectOrganization: (organizationId) => {
      sink.disconnectOrganization(organizationId);
    },
  };
}
