package org.hbew.indicators.http;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to what never reaches Javalin (a malformed request line or header, headers too large, an
 * ambiguous URI), written as the same JSON as every other error instead of Jetty's HTML page. The message is
 * Jetty's reason for a client error and the plain status text otherwise; no stack, no exception text.
 */
public final class JsonErrorHandler extends ErrorHandler {

    public JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return !"HEAD".equals(method);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        boolean explainable = code < 500 && message != null && (cause == null || cause instanceof HttpException);
        HttpStatus.Code known = HttpStatus.getCode(code);
        String error = known == null ? "http_" + code : known.name().toLowerCase(Locale.ROOT);
        byte[] body = JsonResponse.bytes(new ErrorBody(error, explainable ? message : HttpStatus.getMessage(code)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonResponse.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
