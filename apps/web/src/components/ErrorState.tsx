import { Alert, Button, Center, Stack, Text } from "@mantine/core";

/** Props of `ErrorState`. */
export interface ErrorStateProps {
  title: string;
  error: Error;
  onRetry: () => void;
}

/** Explains why a page could not load and offers to try again. */
export function ErrorState({ title, error, onRetry }: ErrorStateProps) {
  return (
    <Center mih="60vh" p="md">
      <Alert color="red" title={title} maw={480}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{error.message}</Text>
          <Button variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}
