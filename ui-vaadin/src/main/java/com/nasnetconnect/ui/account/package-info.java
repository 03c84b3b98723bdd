/**
 * The signed-in user's own account: change the password, sign out everywhere. Both end every session of the
 * user, this one included, so the view then sends the user to sign in again.
 */
package com.nasnetconnect.ui.account;
