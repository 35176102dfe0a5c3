import { Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

import { useCurrentSession } from "../auth/session-context";
import { NameForm } from "./NameForm";
import { PasswordForm } from "./PasswordForm";
import { SignOutEverywhere } from "./SignOutEverywhere";

/** The signed-in person's name, password and sessions. */
export function ProfilePage() {
  const { user } = useCurrentSession();
  return (
    <Stack gap="lg" maw={640}>
      <Stack gap={4}>
        <Title order={1}>Profile</Title>
        <Text c="dimmed">{user.email}</Text>
      </Stack>
      <ProfileSection id="profile-name" title="Name">
        <NameForm name={user.name} />
      </ProfileSection>
      <ProfileSection id="profile-password" title="Password">
        <PasswordForm />
      </ProfileSection>
      <ProfileSection id="profile-sessions" title="Sessions">
        <SignOutEverywhere />
      </ProfileSection>
    </Stack>
  );
}

interface ProfileSectionProps {
  id: string;
  title: string;
  children: ReactNode;
}

function ProfileSection({ id, title, children }: ProfileSectionProps) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
