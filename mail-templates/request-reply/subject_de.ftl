<#ftl encoding="UTF-8">
Ihre Anfrage: ${request.summary}