package no.pasientsignal.server.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Only for {@link OpenApiIT}: the binding and declaration styles the production controllers do not
 * use yet, so the document is shown to handle them. Never answers with data.
 */
@Requires(property = "openapi-it.fixture", value = "true")
@Controller("/fixture")
@Secured("NURSE")
@Tag(name = "Fixture")
class OpenApiFixtureController {

    @Schema(description = "A note on a room")
    public record Note(
            @NotBlank @Size(max = 10) String text,
            @Min(1) @Max(5) int priority,
            @Nullable @Schema(description = "Who wrote it") String author,
            List<@NotBlank String> tags,
            Map<String, Integer> counts,
            Optional<Note> reply) {}

    @Get("/rooms/{number:[0-9]+}/notes{?max}")
    @ApiResponse(
            responseCode = "200",
            description = "The notes",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Note.class))))
    @ApiResponse(responseCode = "404", description = "No such room")
    HttpResponse<?> notes(
            @PathVariable int number,
            @Nullable @QueryValue @Min(1) @Max(50) Integer max,
            @Nullable @Header("X-Trace") String trace,
            HttpRequest<?> request) {
        return HttpResponse.notFound();
    }

    @Post("/notes")
    @Status(HttpStatus.CREATED)
    Note add(@Body @Valid Note note) {
        return note;
    }
}
