import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter, Navigate } from "react-router";

import { GuestOnly } from "./auth/GuestOnly";
import { RequireRole } from "./auth/RequireRole";
import { RequireSession } from "./auth/RequireSession";
import { RestoreGate } from "./auth/RestoreGate";
import { PageLoader } from "./components/PageLoader";
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
import { WorkspacePage } from "./workspaces/WorkspacePage";
import { WorkspacesPage } from "./workspaces/WorkspacesPage";

// The board (drag and drop) and the task panel (Markdown) bring large
// libraries, loaded when first opened rather than with the app.
const ProjectPage = lazy(() =>
  import("./projects/ProjectPage").then((module) => ({
    default: module.ProjectPage,
  })),
);
const TaskPanel = lazy(() =>
  import("./task-panel/TaskPanel").then((module) => ({
    default: module.TaskPanel,
  })),
);

function loading(page: ReactNode) {
  return <Suspense fallback={<PageLoader />}>{page}</Suspense>;
}

/** Workspaces, their projects, and a project's tasks. */
const workPages = [
  { path: "/workspaces", element: <WorkspacesPage /> },
  { path: "/workspaces/:workspaceId", element: <WorkspacePage /> },
  {
    path: "/projects/:projectId",
    element: loading(<ProjectPage />),
    children: [
      {
        path: "tasks/:taskId",
        element: (
          <Suspense fallback={null}>
            <TaskPanel />
          </Suspense>
        ),
      },
    ],
  },
];

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
        ...workPages,
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
