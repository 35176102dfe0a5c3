import { Outlet } from "react-router";

import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { restoreSession } from "./auth-session";
import { useAuthStatus } from "./use-auth-status";

/**
 * Holds pages that depend on who is signed in until the refresh cookie has
 * answered, so nobody sees the sign-in page flash before their session.
 */
export function RestoreGate() {
  const status = useAuthStatus();

  function handleRetry() {
    void restoreSession();
  }

  if (status === "restoring") {
    return <PageLoader label="Restoring your session" />;
  }
  if (status === "unreachable") {
    return (
      <ErrorState
        title="Could not reach Ares"
        message="Check your connection and try again."
        onRetry={handleRetry}
      />
    );
  }
  return <Outlet />;
}
