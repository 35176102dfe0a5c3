import { Navigate, Outlet } from "react-router";

import { useAuthStatus } from "./use-auth-status";

/** Route guard for the sign-in and sign-up pages: signed-in users go home. */
export function GuestOnly() {
  if (useAuthStatus() === "signedIn") {
    return <Navigate to="/" replace />;
  }
  return <Outlet />;
}
