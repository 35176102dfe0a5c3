import { Navigate, Outlet } from "react-router";

import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { LiveUpdates } from "../realtime/LiveUpdates";
import { SessionContext } from "./session-context";
import { useSessionQuery } from "./session-query";
import { useAuthStatus } from "./use-auth-status";

/**
 * Route guard for signed-in pages: sends signed-out visitors to `/login`
 * and provides the loaded session, and live updates, to the pages below.
 */
export function RequireSession() {
  const signedIn = useAuthStatus() === "signedIn";
  const session = useSessionQuery(signedIn);

  function handleRetry() {
    void session.refetch();
  }

  if (!signedIn) {
    return <Navigate to="/login" replace />;
  }
  if (session.isPending) {
    return <PageLoader />;
  }
  if (session.isError) {
    return (
      <ErrorState
        title="Could not load your session"
        message={session.error.message}
        onRetry={handleRetry}
      />
    );
  }
  return (
    <SessionContext value={session.data}>
      <LiveUpdates>
        <Outlet />
      </LiveUpdates>
    </SessionContext>
  );
}
