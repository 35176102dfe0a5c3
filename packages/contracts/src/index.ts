export * from "./auth.js";
export * from "./errors.js";
export * from "./identity.js";
export * from "./work.js";
