// The account's second-factor page: once a passkey is added, show it in the list.
document.addEventListener("otp_webauthn.register_complete", (event) => {
  if (event.detail && event.detail.id) {
    window.location.reload();
  }
});
