// Public surface of the image client for the pane: the factory, the seam's types and the typed errors.
export { createImageClient, type ImageClientOptions } from "./createImageClient";
export { DEFAULT_TIMEOUT_MS, GatewayImageClient } from "./gatewayClient";
export type {
  GenerateCallbacks,
  ImageClient,
  ImageEditRequest,
  ImageGenerateRequest,
  PartialImage,
  QueueStatus,
} from "./ImageClient";
export {
  ApiError,
  CancelledError,
  ConnectionError,
  ImageClientError,
  InvalidRequestError,
  InvalidResponseError,
  SignInRequiredError,
  TimeoutError,
} from "./errors";
export { validateImageBase64 } from "./validateImage";
export { base64ToBytes, bytesToBase64 } from "./base64";
