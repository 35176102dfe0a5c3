import { Alert, Button, Center, Stack, Text } from "@mantine/core";

/** Props of `ErrorState`. */
export interface ErrorStateProps {
  title: string;
  message: string;
  onRetry: () => void;
}

/** Explains why a page could not load and offers to try again. */
export function ErrorState({ title, message, onRetry }: ErrorStateProps) {
  return (
    <Center mih="60vh" p="md">
      <Alert color="red" title={title} maw={480}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{message}</Text>
          <Button variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}
