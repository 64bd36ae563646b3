"use client";
// Sign-out behind the shared confirmation dialog (components/confirm-dialog.tsx).
import { ConfirmFormButton } from "@/components/confirm-dialog";

export function LogoutButton({ action }: { action: () => Promise<void> }) {
  return (
    <ConfirmFormButton
      action={action}
      label="Sign out"
      title="Sign out?"
      description="This ends your session on this device. You will need to sign in again."
      confirmLabel="Sign out"
    />
  );
}
