package org.mailshelf.admin.internal;

/** The console's login form: a page of its own, outside the console's frame and scripts. */
final class LoginPage {

    private LoginPage() {
    }

    /**
     * @param action  where the form posts to
     * @param target  the console page to go to after login, already checked to be one
     * @param message why the form is shown again, or null
     */
    static String render(String action, String target, String message) {
        return "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
                + "<meta name='viewport' content='width=device-width, initial-scale=1'>"
                + "<title>Mailshelf console login</title></head>\n"
                + "<body style='font-family: sans-serif; max-width: 24em; margin: 4em auto'>\n"
                + "<h1 style='font-size: 1.4em'>Mailshelf console</h1>\n"
                + (message == null ? "" : "<p id='message' role='alert'>" + Html.escape(message) + "</p>\n")
                + "<form method='post' accept-charset='UTF-8' action='" + Html.escape(action) + "'>\n"
                + "<input type='hidden' name='target' value='" + Html.escape(target) + "'>\n"
                + "<p><label>User<br><input name='user' value='" + AdminAuth.USER
                + "' autocomplete='username' required></label></p>\n"
                + "<p><label>Password<br><input name='password' type='password' autocomplete='current-password'"
                + " required autofocus></label></p>\n"
                + "<p><button type='submit' id='login'>Log in</button></p>\n"
                + "</form>\n</body></html>\n";
    }
}
