package org.mailshelf.protocol.lmtp;

/**
 * An accepted recipient.
 *
 * @param address the address as the client gave it, without angle brackets (echoed in replies)
 * @param account the account the authenticator resolved it to
 */
record Recipient(String address, String account) {
}
