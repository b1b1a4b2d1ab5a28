<#ftl encoding="UTF-8">
Thank you for your order, ${customer.preferredName}