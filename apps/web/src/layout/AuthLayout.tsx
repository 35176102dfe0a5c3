import { Container, Paper, Text, Title } from "@mantine/core";
import { Outlet } from "react-router";

/** Centered card around the sign-in and sign-up forms. */
export function AuthLayout() {
  return (
    <Container size={420} py={80}>
      <Title order={2} ta="center">
        Ares
      </Title>
      <Text c="dimmed" ta="center" mb="lg">
        Plan and track your team&apos;s work
      </Text>
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Outlet />
      </Paper>
    </Container>
  );
}
