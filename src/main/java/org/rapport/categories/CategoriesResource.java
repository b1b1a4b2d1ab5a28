package org.rapport.categories;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


/**
 * The category taxonomy: every login reads it (offers, needs and problem categories are shown by code), an admin
 * replaces it, deletes a code nothing uses, or merges one code into another. Adding a few codes without sending the
 * whole list is {@code POST /api/import/categories}, an upsert.
 */
@Path("categories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class CategoriesResource {

    @Inject
    CategoryService categories;

    @GET
    public CategoriesDocument get() {
        return CategoriesDocument.of(categories.taxonomy());
    }

    /** Replaces the whole taxonomy; a code left out that is still in use is a 409 and nothing changes. */
    @PUT
    @RolesAllowed("ADMIN")
    public CategoriesDocument put(@Valid @NotNull CategoriesDocument document) {
        return CategoriesDocument.of(categories.replace(document.categories()));
    }

    @DELETE
    @Path("{code}")
    @RolesAllowed("ADMIN")
    public void delete(@PathParam("code") String code) {
        categories.delete(code);
    }

    /** Answers {@code {"merged":"…","into":"…","moved":{"customers":n,"problems":n}}}. */
    @POST
    @Path("{code}/merge")
    @RolesAllowed("ADMIN")
    public CategoryService.Merged merge(@PathParam("code") String code, @Valid @NotNull MergeRequest request) {
        return categories.merge(code, request.into);
    }

}
