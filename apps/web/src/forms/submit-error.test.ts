import { describe, expect, it } from "vitest";

import { ApiError } from "../api/api-error";
import { submitErrorView } from "./submit-error";

describe("submitErrorView", () => {
  it("puts the API's field messages on their fields", () => {
    const error = new ApiError({
      status: 403,
      code: "forbidden",
      message: "The current password is incorrect",
      fieldErrors: { currentPassword: "This is not your current password" },
    });

    expect(submitErrorView(error)).toEqual({
      fieldErrors: { currentPassword: "This is not your current password" },
      formMessage: null,
    });
  });

  it("renames fields the form calls differently", () => {
    const error = new ApiError({
      status: 400,
      code: "validation_failed",
      message: "Choose a less common password",
      fieldErrors: { password: "This password is too common" },
    });

    expect(
      submitErrorView(error, { password: "newPassword" }).fieldErrors,
    ).toEqual({ newPassword: "This password is too common" });
  });

  it("shows the message above the form when no field is named", () => {
    const error = new ApiError({
      status: 429,
      code: "rate_limited",
      message: "Too many attempts; try again in 5 minutes",
    });

    expect(submitErrorView(error)).toEqual({
      fieldErrors: {},
      formMessage: "Too many attempts; try again in 5 minutes",
    });
  });

  it("hides the details of errors that are not the API's", () => {
    expect(submitErrorView(new TypeError("x is undefined")).formMessage).toBe(
      "Something went wrong. Please try again.",
    );
  });
});
