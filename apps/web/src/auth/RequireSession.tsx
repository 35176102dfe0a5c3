import { Navigate, Outlet } from "react-router";

import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { SessionContext } from "./session-context";
import { useSessionQuery } from "./session-query";
import { useAccessToken } from "./use-access-token";

/**
 * Route guard for signed-in pages: sends visitors without a token to
 * `/login` and provides the loaded session to the pages below.
 */
export function RequireSession() {
  const token = useAccessToken();
  const session = useSessionQuery(token !== null);

  function handleRetry() {
    void session.refetch();
  }

  if (token === null) {
    return <Navigate to="/login" replace />;
  }
  if (session.isPending) {
    return <PageLoader />;
  }
  if (session.isError) {
    return (
      <ErrorState
        title="Could not load your session"
        error={session.error}
        onRetry={handleRetry}
      />
    );
  }
  return (
    <SessionContext value={session.data}>
      <Outlet />
    </SessionContext>
  );
}
