package org.rapport.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;

/**
 * Caps request bodies: small for JSON and page forms, large for CSV imports (which are streamed), through the API or
 * uploaded on {@code /admin/import}. A declared length over the limit is refused before reading; a chunked body is cut off
 * when it passes the limit, except a multipart one, which the container parses itself and which must declare its
 * length (411 otherwise).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BodyLimitFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "rapport.api.max-body-bytes")
    long apiLimit;

    @Inject
    @ConfigProperty(name = "rapport.import.max-body-bytes")
    long importLimit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long limit = isImport(request) ? importLimit : apiLimit;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setStatus(413);
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(Problem.json(413, "Request body too large",
                    "The request body has " + declared + " bytes; the limit for this path is " + limit + " bytes.", null));
            return;
        }
        if (declared < 0 && isMultipart(request)) {
            // the container reads a multipart body itself (Faces' file uploads), past any wrapper: only a declared
            // length, checked above, can bound it, and browsers always declare one for a form's files
            response.setStatus(411);
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(Problem.json(411, "Length required",
                    "A multipart request body must declare its length (Content-Length); the limit for this path is " + limit + " bytes.", null));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
    }

    /** The CSV imports: the API's and the admin's import page, which uploads the same files. */
    static boolean isImport(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/import/") || path.equals("/admin/import");
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long count;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    count += n;
                    if (count > limit) {
                        throw new BodyTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
