import { Alert } from "@mantine/core";

/** Props of `FormAlert`. */
export interface FormAlertProps {
  message: string | null;
}

/** A problem with the whole form rather than one field; hidden when null. */
export function FormAlert({ message }: FormAlertProps) {
  if (message === null) {
    return null;
  }
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}
