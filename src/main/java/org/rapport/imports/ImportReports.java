package org.rapport.imports;

import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.util.Optional;

/**
 * The admin's last import in this session, so that the page can show it again and its rejected rows can be downloaded
 * by a plain GET that only reads (the upload itself is the one request that acts). One report at a time: at most
 * 10,000 rejections, as the import keeps.
 */
@SessionScoped
public class ImportReports implements Serializable {

    private static final long serialVersionUID = 1L;

    private ImportReport last;

    public Optional<ImportReport> last() {
        return Optional.ofNullable(last);
    }

    void keep(ImportReport report) {
        last = report;
    }
}
