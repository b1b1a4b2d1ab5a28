<#ftl encoding="UTF-8">
Ein kleines Dankeschön für Sie, ${customer.preferredName}