// One pane message (error, warning, info, success) in a Fluent MessageBar, with its action and a Dismiss button.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { PaneMessage } from "../errorMessages";
import type { Translate } from "../strings/strings";

export interface PaneMessageBarProps {
  message: PaneMessage;
  t: Translate;
  /** Without it the message has no Dismiss button (it stays while it applies). */
  onDismiss?: () => void;
  /** Handler of `message.action === "signIn"`; the action is hidden without it. */
  onSignIn?: () => void;
}

/** Renders `message` as text (never HTML). Errors are announced assertively, the rest politely. */
export function PaneMessageBar({ message, t, onDismiss, onSignIn }: PaneMessageBarProps) {
  const text = t(message.key, { ...message.values, defaultValue: t("error.unknown", { message: message.key }) });
  return (
    <MessageBar intent={message.intent} politeness={message.intent === "error" ? "assertive" : "polite"}>
      <MessageBarBody>
        {text}
        {message.requestId ? <> {t("error.requestId", { requestId: message.requestId })}</> : null}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          onDismiss ? <Button appearance="transparent" aria-label={t("error.dismiss")} icon={<DismissRegular />} onClick={onDismiss} /> : undefined
        }
      >
        {message.action === "signIn" && onSignIn ? <Button onClick={onSignIn}>{t("error.signIn")}</Button> : null}
      </MessageBarActions>
    </MessageBar>
  );
}
