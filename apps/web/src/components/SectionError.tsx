import { Alert, Button, Group, Text } from "@mantine/core";

/** Props of `SectionError`. */
export interface SectionErrorProps {
  title: string;
  error: Error;
  onRetry: () => void;
}

/** A part of a page that could not load, with a way to try again. */
export function SectionError({ title, error, onRetry }: SectionErrorProps) {
  return (
    <Alert color="red" title={title}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{error.message}</Text>
        <Button variant="white" color="red" size="xs" onClick={onRetry}>
          Try again
        </Button>
      </Group>
    </Alert>
  );
}
