import { Navigate, Outlet } from "react-router";

import { useAccessToken } from "./use-access-token";

/** Route guard for the sign-in and sign-up pages: signed-in users go home. */
export function GuestOnly() {
  const token = useAccessToken();
  if (token !== null) {
    return <Navigate to="/" replace />;
  }
  return <Outlet />;
}
