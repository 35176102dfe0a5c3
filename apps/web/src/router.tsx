import { createBrowserRouter, Navigate } from "react-router";

import { GuestOnly } from "./auth/GuestOnly";
import { RequireRole } from "./auth/RequireRole";
import { RequireSession } from "./auth/RequireSession";
import { RestoreGate } from "./auth/RestoreGate";
import { AcceptInvitePage } from "./invitations/AcceptInvitePage";
import { AppLayout } from "./layout/AppLayout";
import { AuthLayout } from "./layout/AuthLayout";
import { MembersPage } from "./members/MembersPage";
import { OutboxPage } from "./outbox/OutboxPage";
import { HomePage } from "./pages/HomePage";
import { LoginPage } from "./pages/LoginPage";
import { SignupPage } from "./pages/SignupPage";
import { ForgotPasswordPage } from "./password/ForgotPasswordPage";
import { ResetPasswordPage } from "./password/ResetPasswordPage";
import { ProfilePage } from "./profile/ProfilePage";
import { SecurityLogPage } from "./security/SecurityLogPage";

/** Pages reached from emailed links, whoever is signed in. */
const publicPages = {
  element: <AuthLayout />,
  children: [
    { path: "/reset-password", element: <ResetPasswordPage /> },
    { path: "/accept-invite", element: <AcceptInvitePage /> },
  ],
};

/** Sign-in and sign-up: signed-in people go home instead. */
const guestPages = {
  element: <GuestOnly />,
  children: [
    {
      element: <AuthLayout />,
      children: [
        { path: "/login", element: <LoginPage /> },
        { path: "/signup", element: <SignupPage /> },
        { path: "/forgot-password", element: <ForgotPasswordPage /> },
      ],
    },
  ],
};

/** The app itself, for signed-in people; some pages for admins only. */
const signedInPages = {
  element: <RequireSession />,
  children: [
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: "/profile", element: <ProfilePage /> },
        { path: "/settings/members", element: <MembersPage /> },
        {
          element: <RequireRole floor="admin" />,
          children: [
            { path: "/settings/security", element: <SecurityLogPage /> },
            { path: "/settings/outbox", element: <OutboxPage /> },
          ],
        },
        {
          path: "/settings",
          element: <Navigate to="/settings/members" replace />,
        },
      ],
    },
  ],
};

/** Every page of the app, grouped by who may see it. */
export const router = createBrowserRouter([
  publicPages,
  { element: <RestoreGate />, children: [guestPages, signedInPages] },
  { path: "*", element: <Navigate to="/" replace /> },
]);
