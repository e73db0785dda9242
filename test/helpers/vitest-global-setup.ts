/** Nothing shared yet; the keychain tests start their own private Secret Service here once they exist. */
export default function setup(): void {}
