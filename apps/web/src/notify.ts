import { notifications } from "@mantine/notifications";

/** Confirms that something the user asked for is done. */
export function notifySuccess(message: string): void {
  notifications.show({ color: "teal", message });
}

/** Says what could not be done and why, in the API's words. */
export function notifyFailure(title: string, error: Error): void {
  notifications.show({
    color: "red",
    title,
    message: error.message,
    autoClose: 8000,
  });
}

/** Tells the user something changed that they did not ask for, and why. */
export function notifyNotice(title: string, message: string): void {
  notifications.show({ color: "yellow", title, message, autoClose: 8000 });
}
